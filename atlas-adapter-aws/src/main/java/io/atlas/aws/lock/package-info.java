@NullMarked
package io.atlas.aws.lock;

import org.jspecify.annotations.NullMarked;
