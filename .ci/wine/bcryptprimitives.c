/* Copied from ../shared/tools/wine/bcryptprimitives.c (Auto Cities' shared tools; a clone has no ../shared). */
/* bcryptprimitives.dll stand-in for Wine 8, which lacks it: Go >= 1.22 programs need ProcessPrng. */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len); /* RtlGenRandom, in advapi32 */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n; len -= n;
  }
  return TRUE;
}
