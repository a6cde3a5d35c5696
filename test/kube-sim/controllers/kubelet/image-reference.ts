// The kubelet's check before any pull (images.applyDefaultImageTag → distribution/reference
// ParseNormalizedNamed): a reference that does not parse never reaches the registry; the container
// waits with reason InvalidImageName.
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN =
  '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** The kubelet's message for an unparsable image reference, or undefined when it parses. */
export function invalidImageMessage(image: string): string | undefined {
  if (REFERENCE.test(image)) return undefined;
  const prefix = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
  const name = image.split(/[:@]/)[0] ?? image;
  if (name !== name.toLowerCase() && REFERENCE.test(image.replace(name, name.toLowerCase()))) {
    const remote = name.includes('/') ? name : `library/${name}`;
    return `${prefix}: repository name (${remote}) must be lowercase`;
  }
  return prefix;
}
