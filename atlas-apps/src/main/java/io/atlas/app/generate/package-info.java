@NullMarked
package io.atlas.app.generate;

import org.jspecify.annotations.NullMarked;
