@NullMarked
package io.atlas.local;

import org.jspecify.annotations.NullMarked;
