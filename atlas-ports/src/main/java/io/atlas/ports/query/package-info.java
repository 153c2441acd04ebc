@NullMarked
package io.atlas.ports.query;

import org.jspecify.annotations.NullMarked;
