#ifndef CHOHYO_CPOPPLER_SHIM_H
#define CHOHYO_CPOPPLER_SHIM_H
// PDF input, through libraries Debian maintains:
//  - poppler's GLib API decodes and renders pages (CCITT G4, JBIG2, JPEG/DCT, JPEG 2000, Flate);
//  - cairo holds the pixels poppler hands back;
//  - qpdf's C API reads the PDF's objects (page rotation, image sizes) before anything is decoded,
//    so that ImageLimits are enforced before poppler allocates a page image.
#include <glib.h>
#include <glib-object.h>
#include <cairo.h>
#include <poppler.h>
#include <qpdf/qpdf-c.h>
#endif
