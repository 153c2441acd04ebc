@NullMarked
package io.atlas.aws.s3;

import org.jspecify.annotations.NullMarked;
