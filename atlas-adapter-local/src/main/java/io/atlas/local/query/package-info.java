@NullMarked
package io.atlas.local.query;

import org.jspecify.annotations.NullMarked;
