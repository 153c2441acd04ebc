@NullMarked
package io.atlas.app;

import org.jspecify.annotations.NullMarked;
