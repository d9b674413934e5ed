/* SPDX-License-Identifier: EUPL-1.2 */
/* The spelregels and their tests, built into the binary so that ./opname
 * works from any directory with no files beside it.
 *
 * The linker marks the binary as CET-ready (IBT, shadow stack) only when
 * every object says it is, so this file, data only, says so too when the
 * build asks for CET (-fcf-protection defines __CET__): gcc's and clang's
 * <cet.h> emit the .note.gnu.property for it. */
#if defined(__CET__)
#include <cet.h>
#endif
	.section .rodata
	.global opname_builtin_rules
	.global opname_builtin_rules_end
	.global opname_builtin_tests
	.global opname_builtin_tests_end
	.balign 16
opname_builtin_rules:
	.incbin "rules/spelregels.yaml"
opname_builtin_rules_end:
	.byte 0
	.balign 16
opname_builtin_tests:
	.incbin "rules/spelregels.tests.yaml"
opname_builtin_tests_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
