@NullMarked
package io.atlas.app.service;

import org.jspecify.annotations.NullMarked;
