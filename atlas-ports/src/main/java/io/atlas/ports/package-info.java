@NullMarked
package io.atlas.ports;

import org.jspecify.annotations.NullMarked;
