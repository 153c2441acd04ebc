@NullMarked
package io.atlas.domain.file;

import org.jspecify.annotations.NullMarked;
