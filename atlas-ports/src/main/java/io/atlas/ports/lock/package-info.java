@NullMarked
package io.atlas.ports.lock;

import org.jspecify.annotations.NullMarked;
