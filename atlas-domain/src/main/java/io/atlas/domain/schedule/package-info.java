@NullMarked
package io.atlas.domain.schedule;

import org.jspecify.annotations.NullMarked;
