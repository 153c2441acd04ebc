@NullMarked
package io.atlas.ports.storage;

import org.jspecify.annotations.NullMarked;
