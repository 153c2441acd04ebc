@NullMarked
package io.atlas.app.wiring;

import org.jspecify.annotations.NullMarked;
