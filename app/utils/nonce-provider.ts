import { createContext, useContext } from "react";

// The CSP nonce of this response, for components that render <script>. Only the server knows it;
// in the browser it is undefined (browsers hide nonce attributes from the DOM anyway).
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
