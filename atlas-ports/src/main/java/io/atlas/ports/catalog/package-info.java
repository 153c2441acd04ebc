@NullMarked
package io.atlas.ports.catalog;

import org.jspecify.annotations.NullMarked;
