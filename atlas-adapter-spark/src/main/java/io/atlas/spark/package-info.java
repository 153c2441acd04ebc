@NullMarked
package io.atlas.spark;

import org.jspecify.annotations.NullMarked;
