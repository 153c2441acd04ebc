@NullMarked
package io.atlas.domain.lake;

import org.jspecify.annotations.NullMarked;
