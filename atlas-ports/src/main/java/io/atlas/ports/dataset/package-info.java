@NullMarked
package io.atlas.ports.dataset;

import org.jspecify.annotations.NullMarked;
