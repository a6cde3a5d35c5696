// Hands the renderer's stores to components without module-level singletons (tests make their own).
import { createContext, useContext } from 'react';
import type { AppStores } from './app-stores';

export const AppStoresContext = createContext<AppStores | null>(null);

export function useAppStores(): AppStores {
  const stores = useContext(AppStoresContext);
  if (!stores) throw new Error('useAppStores needs an <AppStoresContext.Provider>');
  return stores;
}
