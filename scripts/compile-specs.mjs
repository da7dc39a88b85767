// Build step: compiles openapi/*.yaml to dist/openapi/*.json so the server does not parse YAML at run time.
import { compileSpecs } from '../dist/core/spec-cache.js';

compileSpecs();
