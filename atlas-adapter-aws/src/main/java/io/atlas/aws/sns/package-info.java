@NullMarked
package io.atlas.aws.sns;

import org.jspecify.annotations.NullMarked;
