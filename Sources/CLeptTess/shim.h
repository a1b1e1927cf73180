#ifndef CHOHYO_CLEPTTESS_SHIM_H
#define CHOHYO_CLEPTTESS_SHIM_H
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#endif
