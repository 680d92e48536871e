// Imported first by the command line: an unsupported Node is refused in one line before anything else loads.
import { packageInfo, satisfiesEngines } from './package-info.ts';

const supported = packageInfo.engines.node;
if (!satisfiesEngines(process.versions.node, supported)) {
  process.stderr.write(
    `guest-access: Node.js ${process.versions.node} is not supported; use a version in ${supported} (see the README).\n`,
  );
  process.exit(2);
}
