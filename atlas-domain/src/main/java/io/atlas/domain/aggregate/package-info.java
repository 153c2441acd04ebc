@NullMarked
package io.atlas.domain.aggregate;

import org.jspecify.annotations.NullMarked;
