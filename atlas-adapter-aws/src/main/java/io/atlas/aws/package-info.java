@NullMarked
package io.atlas.aws;

import org.jspecify.annotations.NullMarked;
