@NullMarked
package io.atlas.local.catalog;

import org.jspecify.annotations.NullMarked;
