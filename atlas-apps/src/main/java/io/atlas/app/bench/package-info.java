@NullMarked
package io.atlas.app.bench;

import org.jspecify.annotations.NullMarked;
