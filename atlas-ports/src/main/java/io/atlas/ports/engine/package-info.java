@NullMarked
package io.atlas.ports.engine;

import org.jspecify.annotations.NullMarked;
