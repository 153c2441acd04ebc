@NullMarked
package io.atlas.ports.notify;

import org.jspecify.annotations.NullMarked;
