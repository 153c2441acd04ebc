@NullMarked
package io.atlas.domain.ingest;

import org.jspecify.annotations.NullMarked;
