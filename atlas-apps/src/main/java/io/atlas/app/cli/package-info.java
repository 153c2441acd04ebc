@NullMarked
package io.atlas.app.cli;

import org.jspecify.annotations.NullMarked;
