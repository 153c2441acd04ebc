@NullMarked
package io.atlas.app.lambda;

import org.jspecify.annotations.NullMarked;
