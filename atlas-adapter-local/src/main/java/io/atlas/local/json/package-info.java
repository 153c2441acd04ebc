@NullMarked
package io.atlas.local.json;

import org.jspecify.annotations.NullMarked;
