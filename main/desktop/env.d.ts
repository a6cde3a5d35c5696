// electron-vite's `?asset` imports (files copied next to the main bundle, resolved to a path).
/// <reference types="electron-vite/node" />
