@NullMarked
package io.atlas.aws.athena;

import org.jspecify.annotations.NullMarked;
