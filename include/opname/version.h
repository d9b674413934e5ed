/* SPDX-License-Identifier: EUPL-1.2 */
/* The tool's version, from scripts/version.sh: 'git describe' in a
 * checkout, the VERSION file in a release tarball. It is compiled into one
 * generated file (build/version.c), so that a new commit rebuilds only
 * that file, not every object that shows the version. */
#ifndef OPNAME_VERSION_H
#define OPNAME_VERSION_H

extern const char opname_version_text[];

#endif
