@NullMarked
package io.atlas.aws.glue;

import org.jspecify.annotations.NullMarked;
