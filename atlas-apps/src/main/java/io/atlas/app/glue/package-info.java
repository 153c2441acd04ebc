@NullMarked
package io.atlas.app.glue;

import org.jspecify.annotations.NullMarked;
