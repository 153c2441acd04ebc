@NullMarked
package io.atlas.domain.normalize;

import org.jspecify.annotations.NullMarked;
