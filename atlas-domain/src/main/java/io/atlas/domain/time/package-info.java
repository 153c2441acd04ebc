@NullMarked
package io.atlas.domain.time;

import org.jspecify.annotations.NullMarked;
