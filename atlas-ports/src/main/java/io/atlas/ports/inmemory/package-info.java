@NullMarked
package io.atlas.ports.inmemory;

import org.jspecify.annotations.NullMarked;
