@NullMarked
package io.atlas.local.storage;

import org.jspecify.annotations.NullMarked;
