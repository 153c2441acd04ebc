@NullMarked
package io.atlas.domain.record;

import org.jspecify.annotations.NullMarked;
