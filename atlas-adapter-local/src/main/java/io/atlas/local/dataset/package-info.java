@NullMarked
package io.atlas.local.dataset;

import org.jspecify.annotations.NullMarked;
