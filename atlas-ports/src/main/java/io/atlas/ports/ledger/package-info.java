@NullMarked
package io.atlas.ports.ledger;

import org.jspecify.annotations.NullMarked;
