@NullMarked
package io.atlas.domain.catalog;

import org.jspecify.annotations.NullMarked;
