@NullMarked
package io.atlas.domain.run;

import org.jspecify.annotations.NullMarked;
