@NullMarked
package io.atlas.local.lock;

import org.jspecify.annotations.NullMarked;
